package org.nomina.engine.linkage;

import java.util.List;

/**
 * The Fellegi–Sunter model after training.
 *
 * @param lambda          prior match probability among candidate pairs (what scores use)
 * @param lambdaAllPairs  the same expressed over all possible pairs, for comparison with Splink's
 *                        "probability two random records match"
 * @param fields          per compared field, its levels with m, u and weight
 * @param learnedSpellings spellings of names the run learnt are the same name ({@link SpellingLearner})
 */
public record FittedModel(double lambda, double lambdaAllPairs, List<FieldModel> fields,
                          List<LearnedSpelling> learnedSpellings) {

    /** A copy holding what the run learnt. */
    public FittedModel withLearnedSpellings(List<LearnedSpelling> learned) {
        return new FittedModel(lambda, lambdaAllPairs, fields, List.copyOf(learned));
    }

    /** One field's levels; the last level is always "missing" with weight 0. */
    public record FieldModel(String field, List<LevelModel> levels) {
    }

    /** m = P(level | match), u = P(level | non-match), weight = log2(m/u). */
    public record LevelModel(String label, double m, double u, double weight) {
    }

    /** The model of a field by name. */
    public java.util.Optional<FieldModel> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }
}
