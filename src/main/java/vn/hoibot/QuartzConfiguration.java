package vn.hoibot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quartz's JDBC job store needs the PostgreSQL delegate on PostgreSQL (bytea job data); H2 uses the standard one. */
@Configuration(proxyBeanMethods = false)
class QuartzConfiguration {

    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegate(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties()); // setQuartzProperties replaces what Boot set
            properties.setProperty("org.quartz.jobStore.driverDelegateClass", isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database type", e);
        }
    }
}
