package com.acme.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DemoApplication {
    public static void main(String[] args) {
        String region = System.getenv("AWS_REGION");
        SpringApplication.run(DemoApplication.class, args);
    }
}
