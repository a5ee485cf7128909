package io.kapivara.hub.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import io.kapivara.hub.app.HubServerApplication;

/**
 * A test against a whole hub-server on a random port, on a real PostgreSQL database of its own
 * (see {@link TestDatabases}). Test classes with the same settings share one server and database,
 * so every test makes its own unique streams and owners.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HubServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
public @interface HubServerTest {
}
