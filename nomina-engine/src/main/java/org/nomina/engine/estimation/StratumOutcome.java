package org.nomina.engine.estimation;

/** The estimate (or refusal) for one stratum of a stratified estimate. */
public record StratumOutcome(String stratum, EstimationOutcome outcome) {
}
