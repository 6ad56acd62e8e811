/**
 * Multiple systems estimation (capture–recapture) of the number of victims that no list recorded.
 *
 * <p>Entry point: {@link org.nomina.engine.estimation.Estimators#estimate}. Input is a
 * {@link org.nomina.engine.estimation.CaptureHistories} table (parsed from CSV or built from each
 * person's set of sources); output is an {@link org.nomina.engine.estimation.EstimationOutcome}: either
 * an estimate with its interval, model and warnings, or a refusal in plain words when the data cannot
 * support one. Methods: the Bayesian latent-class model LCMCR (Manrique-Vallier 2016; the command's
 * default, chosen by the coverage study in {@code bench/coverage.sh}), Bayesian model averaging over
 * decomposable graphical models (Madigan and York; the R package dga), log-linear models ranked by
 * AIC/BIC (after Rcapture) and stepwise log-linear selection (after Chan, Silverman and Vincent's
 * SparseMSE). Pure computation; the only I/O is reading a {@link java.io.Reader}.
 */
package org.nomina.engine.estimation;
