/**
 * Configuration: what the extension makes of one test method before anything runs. {@link
 * dev.brigade.junit.internal.config.MethodPlan} gathers the method's template ({@code @Brigade}, {@code @Spawn}),
 * budgets, {@code @Baseline}, {@code @Fork} and the configuration parameters ({@link
 * dev.brigade.junit.internal.config.Settings}), each checked, and every mistake is reported in one shape by {@link
 * dev.brigade.junit.internal.config.ConfigurationErrors}. The configuration parameters are read once per engine run
 * ({@link dev.brigade.junit.internal.config.Configuration}, its keys listed by hand), and {@link
 * dev.brigade.junit.internal.config.Limit} is the vocabulary of {@code @Budget}. Values only: nothing here measures,
 * grades or writes.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.config;
