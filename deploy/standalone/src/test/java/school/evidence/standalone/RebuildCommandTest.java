package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line rebuild: the service started in rebuild mode on an existing data folder rebuilds and exits. */
class RebuildCommandTest {

    @TempDir
    Path dir;

    @Test
    void rebuildsEveryProjectionOfAStoreFromTheCommandLineAndExits() throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Path store = dir.resolve("store");
        // first run: the demo school, then stop
        Process first = new ProcessBuilder(java, "-cp", classpath, StandaloneApplication.class.getName(),
                                           "--server.port=" + port, "--evidence.store.data-dir=" + store,
                                           "--evidence.demo.load-school=true", "--evidence.rebuild=plan-view")
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        // second run: only rebuild, on the same data
        Process second = new ProcessBuilder(java, "-cp", classpath, StandaloneApplication.class.getName(),
                                            "--server.port=" + port, "--evidence.store.data-dir=" + store,
                                            "--evidence.rebuild=all")
                .redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("second.log"));
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("rebuilt plan-view from 69 events", "rebuilt monitoring-list from 69 events",
                                    "rebuilt audit-trail from 69 events");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
