package cn.siyiban.ops.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clerks taking in cases at one node on a few threads, as a busy morning would. Each form is sent
 * until the node acknowledges it (HTTP 201, or 200 for a retry the node recognised by its request
 * key), through node restarts, lost connections and expired sessions, as a clerk pressing
 * "submit" again would.
 */
public final class ClerkLoad implements AutoCloseable {

    /** A form the node acknowledged, with what the clerk typed. */
    record Acknowledged(String caseNo, String requestKey, String name, String idNumber, String phone) {
    }

    private static final String[] NAMES = {"𠮷𬌗明", "王𪚥", "阿依古丽·吐尔逊", "张三", "李𬱖"};

    private final String baseUrl;
    private final String username;
    private final String tag;
    private final int target;
    private final AtomicInteger nextForm = new AtomicInteger();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    /** The first 20 responses a clerk would not expect from a working node, such as 400 or 500. */
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile long pauseMillis;

    /**
     * @param tag    distinguishes this load's request keys and ID numbers from other loads' in one test
     * @param target number of forms after which the clerks stop
     */
    public ClerkLoad(String baseUrl, String username, String tag, int target) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.tag = tag;
        this.target = target;
    }

    /** Makes each clerk wait {@code pause} after each acknowledged form, as a clerk serving the next citizen does. */
    ClerkLoad pacedBy(Duration pause) {
        this.pauseMillis = pause.toMillis();
        return this;
    }

    ClerkLoad start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::work, "clerk-" + tag + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void work() {
        try {
            takeInForms();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            unexpected.add(Thread.currentThread().getName() + " died: " + e);
        }
    }

    private void takeInForms() throws InterruptedException {
        Api api = null;
        while (!stopped) {
            int form = nextForm.getAndIncrement();
            if (form >= target) {
                return;
            }
            ObjectNode body = form(form);
            boolean done = false;
            while (!done && !stopped) {
                try {
                    if (api == null) {
                        api = Api.login(baseUrl, username, SyncCluster.PASSWORD);
                    }
                    Api.Response response = api.post("/api/cases", body);
                    if (response.status() == 201 || response.status() == 200) {
                        record(body, response.json().path("caseNo").asText());
                        done = true;
                        if (pauseMillis > 0) {
                            Thread.sleep(pauseMillis);
                        }
                    } else if (response.status() == 401 || response.status() == 403) {
                        // The node restarted and forgot the session.
                        api = null;
                    } else if (response.status() == 503) {
                        Waits.pause();
                    } else {
                        if (unexpected.size() < 20) {
                            unexpected.add("HTTP " + response.status() + " for " + body.path("requestKey").asText()
                                    + ": " + response.body());
                        }
                        Waits.pause();
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    // The node is down or restarting: log in again and send the same form.
                    api = null;
                    retries.incrementAndGet();
                    Waits.pause();
                }
            }
        }
    }

    private void record(ObjectNode body, String caseNo) {
        ObjectNode applicant = (ObjectNode) body.path("applicant");
        acknowledged.put(caseNo, new Acknowledged(caseNo, body.path("requestKey").asText(),
                applicant.path("name").asText(), applicant.path("idNumber").asText(),
                applicant.path("phone").asText()));
    }

    /** Builds form number {@code index}: a valid resident ID number, materials, a unique request key. */
    public ObjectNode form(int index) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("matterCode", "SYM-023");
        // The birth date varies with the form and the sequence digits with the tag, so two loads
        // in one test type different ID and phone numbers unless their tags' hashes agree modulo 1,000.
        int series = Math.floorMod(tag.hashCode(), 1_000);
        String first17 = String.format("321323%04d%02d%02d%03d", 1950 + index / 336, 1 + index % 12,
                1 + (index / 12) % 28, series);
        body.putObject("applicant").put("name", NAMES[index % NAMES.length]).put("idType", "resident_id")
                .put("idNumber", first17 + checkCharacter(first17))
                .put("phone", String.format("13%03d%06d", series, index)).put("address", "泗阳县" + tag + "第" + index + "户");
        ArrayNode materials = body.putArray("materials");
        for (String received : new String[] {"SYM-023-M01", "SYM-023-M02", "SYM-023-M06"}) {
            materials.addObject().put("materialId", received).put("status", "received");
        }
        materials.addObject().put("materialId", "SYM-023-M04").put("status", "missing");
        body.put("proxy", index % 2 == 0);
        body.put("requestKey", tag + "-" + index);
        return body;
    }

    /**
     * Returns the check character of a resident ID number (GB 11643-1999, ISO 7064 MOD 11-2).
     * Computed here rather than by core's ResidentIdNumber, so that the clerk threads load no
     * siyiban class from the local Maven repository, which another build may replace mid-test.
     */
    private static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int retries() {
        return retries.get();
    }

    /** Waits until every form is acknowledged or {@code timeout} passes; returns whether all were. */
    boolean awaitDone(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (Thread thread : threads) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        stopped = true;
    }
}
