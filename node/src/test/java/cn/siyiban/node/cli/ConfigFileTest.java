package cn.siyiban.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @Test
    void updateKeepsCommentsAndOrder(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("node.properties");
        Files.write(path, List.of("# 数据文件夹", "data.dir=/var/lib/siyiban/node", "point.code=", "http.port=8082"));
        Map<String, String> updates = new LinkedHashMap<>();
        updates.put("point.code", "321323101001");
        updates.put("central.url", "http://10.32.1.10:8080");

        new ConfigFile(path).update(updates);

        assertEquals(List.of("# 数据文件夹", "data.dir=/var/lib/siyiban/node", "point.code=321323101001",
                "http.port=8082", "central.url=http://10.32.1.10:8080"), Files.readAllLines(path));
        assertEquals("321323101001", new ConfigFile(path).read().getProperty("point.code"));
    }
}
