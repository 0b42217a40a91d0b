/**
 * The policy plugin API: the only package a policy plugin compiles against.
 *
 * <p>It depends on nothing but the JDK, so that a plugin built against one version of Pitchgate
 * keeps loading in the next. Built-in policies implement the same {@link com.pitchgate.spi.Policy}
 * interface as plugins do.
 *
 * <h2>Life cycle</h2>
 * <ol>
 *   <li>The server creates one instance per configured policy (public no-argument constructor).</li>
 *   <li>{@link com.pitchgate.spi.Policy#init(PolicyConfig)} is called once, before any pitch.</li>
 *   <li>{@link com.pitchgate.spi.Policy#evaluate(Pitch, ScreeningContext)} is called for every
 *       pitch, concurrently from several threads.</li>
 *   <li>{@link com.pitchgate.spi.Policy#destroy()} is called once when the server stops.</li>
 * </ol>
 */
package com.pitchgate.spi;
