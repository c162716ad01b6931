package cn.siyiban.core.web;

/** A part of an application with a lifecycle; the application starts them in order and stops them in reverse. */
public interface Component {

    String name();

    void start();

    void stop();
}
