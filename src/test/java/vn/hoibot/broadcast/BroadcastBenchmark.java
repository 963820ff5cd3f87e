package vn.hoibot.broadcast;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.hoibot.HoiBotApplication;
import vn.hoibot.broadcast.NewBroadcast.Recipient;

/**
 * Not a unit test: sends one broadcast through the whole application (outbox on in-memory H2, dispatcher, the
 * Telegram adapter over HTTP) to a local Bot API stub (a separate JVM), and prints messages per second, 429s and
 * heap.
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx512m -cp %classpath vn.hoibot.broadcast.BroadcastBenchmark 100000 0"
 * </pre>
 *
 * Arguments: recipients (default 100000) and the dispatcher's global rate per second (0 = unlimited, default).
 * With a rate, the stub also enforces Telegram's limit (a token bucket of that rate, bursts of 5) and answers
 * 429 with retry_after beyond it, so a run shows whether the dispatcher keeps under the limit.
 */
public final class BroadcastBenchmark {

    private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle delay on the stub's small answers
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        StubProcess stub = StubProcess.start(rate);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String[] props = { "--hoibot.telegram.token=1:bench", "--hoibot.telegram.api-url=http://127.0.0.1:" + stub.port(),
                "--hoibot.broadcast.global-rate-per-second=" + (rate > 0 ? rate : 1_000_000),
                "--hoibot.broadcast.senders=16", "--hoibot.broadcast.batch-size=" + (rate > 0 ? 50 : 500),
                "--hoibot.broadcast.progress-interval=2s", "--hoibot.broadcast.poll-interval=50ms",
                "--logging.level.root=WARN", "--logging.level.vn.hoibot.broadcast=WARN" };
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HoiBotApplication.class)
                .web(WebApplicationType.NONE).run(props)) {
            List<Recipient> list = new ArrayList<>(recipients);
            for (int i = 0; i < recipients; i++) {
                list.add(Recipient.member("telegram", Long.toString(500_000_000L + i), i, "vi"));
            }
            long t0 = System.nanoTime();
            long id = app.getBean(Outbox.class).enqueue(NewBroadcast.notice(1L, "benchmark", "vi",
                    "Thông báo thử tải: họp chi hội lúc 19 giờ thứ Sáu tại nhà văn hoá thôn.", list));
            long enqueued = System.nanoTime();
            list = null;
            Broadcasts broadcasts = app.getBean(Broadcasts.class);
            long peakHeap = 0;
            while (!broadcasts.report(id).orElseThrow().finished()) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            long done = System.nanoTime();
            BroadcastReport report = broadcasts.report(id).orElseThrow();
            System.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            long[] stats = stub.stats(); // requests, accepted, rejected, first-to-last accepted in ns
            System.out.printf(Locale.ROOT, "%n== Broadcast benchmark: %d recipients, rate %s ==%n", recipients,
                    rate > 0 ? rate + "/s" : "unlimited");
            System.out.printf(Locale.ROOT, "enqueue (one transaction): %.1f s%n", (enqueued - t0) / 1e9);
            System.out.printf(Locale.ROOT, "sent %d, failed %d, unreachable %d in %.1f s after enqueue%n",
                    report.sent(), report.failed(), report.unreachable(), (done - enqueued) / 1e9);
            System.out.printf(Locale.ROOT, "throughput (first to last accepted request): %.1f msg/s%n",
                    (stats[1] - 1) / (stats[3] / 1e9));
            System.out.printf(Locale.ROOT, "stub: %d sendMessage requests, %d answered 429%n", stats[0], stats[2]);
            System.out.printf(Locale.ROOT, "heap: peak used %d MB, after GC %d MB, max %d MB%n", peakHeap >> 20,
                    heapAfterGc >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        } finally {
            stub.stop();
        }
        System.exit(0); // the long-polling library keeps a non-daemon thread retrying after the context closed
    }

    /**
     * The stub in a JVM of its own, so that the benchmark's own pauses (GC, a busy CPU) do not hold requests at the
     * stub and hand them to its rate check as a burst, which the real Telegram would not see.
     */
    static final class StubProcess {

        private final Process process;
        private final int port;

        private StubProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static StubProcess start(double rate) throws IOException {
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), Stub.class.getName(), Double.toString(rate))
                    .redirectErrorStream(true).start();
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            return new StubProcess(p, Integer.parseInt(line.strip()));
        }

        int port() {
            return port;
        }

        long[] stats() throws IOException {
            try (InputStream in = java.net.URI.create("http://127.0.0.1:" + port + "/stats").toURL().openStream()) {
                String[] f = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
                return new long[] { Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]) };
            }
        }

        void stop() {
            process.destroy();
        }
    }

    /** A Bot API stand-in: sendMessage answers at once, optionally enforcing a rate with 429s. */
    static final class Stub {

        /** Runs the stub alone and prints its port. */
        public static void main(String[] args) throws IOException {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            Stub stub = new Stub(Double.parseDouble(args[0]));
            System.out.println(stub.port());
            System.out.flush();
        }

        final AtomicLong requests = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong firstAccepted = new AtomicLong();
        final AtomicLong lastAccepted = new AtomicLong();
        private final AtomicLong messageIds = new AtomicLong();
        private final HttpServer server;
        private final double rate;
        private double tokens = 5;
        private long refilledAt = System.nanoTime();

        Stub(double rate) throws IOException {
            this.rate = rate;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }

        private synchronized boolean admit() {
            if (rate <= 0) {
                return true;
            }
            long now = System.nanoTime();
            tokens = Math.min(5, tokens + (now - refilledAt) / 1e9 * rate);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT);
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String response;
            int status = 200;
            if (path.endsWith("/sendmessage")) {
                requests.incrementAndGet();
                Matcher m = CHAT_ID.matcher(body);
                String chat = m.find() ? m.group(1) : "0";
                if (admit()) {
                    long now = System.nanoTime();
                    firstAccepted.compareAndSet(0, now);
                    lastAccepted.set(now);
                    accepted.incrementAndGet();
                    response = "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
                            + ",\"date\":1767225600,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"x\"}}";
                } else {
                    rejected.incrementAndGet();
                    status = 429;
                    response = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                            + "\"parameters\":{\"retry_after\":1}}";
                }
            } else if (path.endsWith("/stats")) {
                response = requests.get() + " " + accepted.get() + " " + rejected.get() + " "
                        + (lastAccepted.get() - firstAccepted.get());
            } else if (path.endsWith("/getme")) {
                response = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}}";
            } else if (path.endsWith("/getupdates")) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                response = "{\"ok\":true,\"result\":[]}";
            } else {
                response = "{\"ok\":true,\"result\":true}";
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
