/** The service interface through which the JUnit extension supplies baselines to the assertions. */
package dev.brigade.assertj.spi;
