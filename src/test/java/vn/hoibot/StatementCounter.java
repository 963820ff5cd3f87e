package vn.hoibot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the statements the application executes (every execute, executeQuery, executeUpdate and executeBatch on a
 * statement of the application's DataSource), per thread name, so a test can bound how many statements an action
 * costs. Import {@link Config} into a test's context.
 */
public final class StatementCounter {

    private static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();

    private StatementCounter() {
    }

    public static void reset() {
        BY_THREAD.clear();
    }

    /** Statements executed since the last reset, by threads other than Quartz's own housekeeping. */
    public static long count() {
        return BY_THREAD.entrySet().stream().filter(e -> !e.getKey().toLowerCase().contains("quartz"))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** Statements run by the threads whose names start with this prefix (e.g. the chat workers). */
    public static long countOn(String threadPrefix) {
        return byThread().entrySet().stream().filter(e -> e.getKey().startsWith(threadPrefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    public static Map<String, AtomicLong> byThread() {
        return Map.copyOf(BY_THREAD);
    }

    @TestConfiguration
    public static class Config {
        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? wrap(ds) : bean;
                }
            };
        }
    }

    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, forward(target, (result, method) -> result instanceof Connection c
                        ? connection(c) : result));
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] { Connection.class }, forward(target, (result, method) -> {
                    if (result instanceof CallableStatement s) {
                        return statement(s, CallableStatement.class);
                    }
                    if (result instanceof PreparedStatement s) {
                        return statement(s, PreparedStatement.class);
                    }
                    if (result instanceof Statement s) {
                        return statement(s, Statement.class);
                    }
                    return result;
                }));
    }

    private static Object statement(Statement target, Class<?> type) {
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type },
                forward(target, (result, method) -> {
                    if (method.startsWith("execute")) {
                        BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    return result;
                }));
    }

    interface After {
        Object apply(Object result, String method);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            try {
                return after.apply(method.invoke(target, args), method.getName());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
