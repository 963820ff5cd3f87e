package vn.hoibot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HoiBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(HoiBotApplication.class, args);
    }
}
