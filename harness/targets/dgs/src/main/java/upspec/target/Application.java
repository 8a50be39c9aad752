package upspec.target;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with the DGS starter: the schema is harness/schema.graphql
 * (application.properties points DGS at it), the data fetchers are {@link UploadMutations}, and
 * multipart-spring-graphql's auto-configuration adds the multipart route and the Upload scalar.
 */
@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }
}
