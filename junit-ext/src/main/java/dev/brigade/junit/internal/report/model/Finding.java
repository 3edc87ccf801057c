package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A claim a test published (a report entry {@code finding}) with its verdict on this machine: data, not a test
 * outcome. Each field but {@code test} and {@code claim} may be null, when the test did not publish it.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param verdict {@code holds}, {@code contradicted} or {@code unclear}, as the test published it
 * @param held    how many trials gave the verdict
 */
@API(status = INTERNAL, since = "0.1.0")
public record Finding(String test, String claim, String seed, String measured, String verdict, Integer held,
                      Integer trials, String ratio) {
}
