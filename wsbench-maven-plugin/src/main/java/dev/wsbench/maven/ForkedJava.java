package dev.wsbench.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a main class of the project in a new JVM (the one Maven runs on, so {@code JAVA_HOME}
 * chooses it) on the project's test class path, with this console. JMH must run in a JVM of its
 * own: its forks copy the host JVM's class path, which inside Maven would be Maven's.
 */
final class ForkedJava {
    private ForkedJava() {
    }

    static void run(Log log, List<String> classpath, List<String> jvmArgs, String mainClass, List<String> args, String what)
            throws MojoExecutionException, MojoFailureException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        log.debug("Running " + command);
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(what + " interrupted", e);
        }
        if (exit != 0) {
            throw new MojoFailureException(what + " failed (exit code " + exit + "); see the output above");
        }
    }
}
