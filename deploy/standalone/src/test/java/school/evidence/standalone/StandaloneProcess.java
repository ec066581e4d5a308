package school.evidence.standalone;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone service as a process of its own (what a test kills with SIGKILL), on the test's class path, its store
 * in {@code <folder>/store} and its log in {@code <folder>/<name>.log}; returned once its health answers.
 */
final class StandaloneProcess {

    private StandaloneProcess() {
    }

    static Process start(Path folder, int port, String name, String... arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = folder.resolve(name + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                StandaloneApplication.class.getName(), "--server.port=" + port,
                "--evidence.store.data-dir=" + folder.resolve("store")));
        command.addAll(List.of(arguments));
        Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Api probe = new Api("http://localhost:" + port, "slt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (probe.getAnonymously("/actuator/health").status() == 200) {
                    return started;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!started.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Standalone did not start; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
