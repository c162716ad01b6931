package cn.siyiban.node;

/** A part of the node with a lifecycle; {@link NodeApp} starts them in order and stops them in reverse. */
interface Component {

    String name();

    void start();

    void stop();
}
