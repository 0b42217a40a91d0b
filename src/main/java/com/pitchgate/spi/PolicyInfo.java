package com.pitchgate.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link Policy} implementation, so that {@code config.yml} can enable it. Every policy
 * found through {@link java.util.ServiceLoader} must carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolicyInfo {

    /** The name used in {@code config.yml}: lower case, digits and underscores, e.g. {@code domain_list}. */
    String name();

    /** The policy's version; when empty, the jar manifest's {@code Implementation-Version} is used. */
    String version() default "";

    /** One sentence on what the policy looks at. */
    String description() default "";
}
