package org.nomina.engine.linkage;

import java.util.List;

/**
 * A fitted model as the score stage uses it: each level's weight, the agreeing levels' m for the
 * term-frequency adjustment, and the prior log-odds of a match.
 */
final class Weights {
    private final RecordTable table;
    private final List<FieldComparator> comparators;
    private final double[][] weights;
    private final double[][] mAgreeing;
    private final double prior;
    private final double tfFloor;

    Weights(FittedModel model, RecordTable table, List<FieldComparator> comparators) {
        this.table = table;
        this.comparators = comparators;
        int fields = comparators.size();
        weights = new double[fields][];
        mAgreeing = new double[fields][];
        for (int f = 0; f < fields; f++) {
            List<FittedModel.LevelModel> fieldLevels = model.fields().get(f).levels();
            weights[f] = fieldLevels.stream().mapToDouble(FittedModel.LevelModel::weight).toArray();
            mAgreeing[f] = new double[] {fieldLevels.get(0).m(), fieldLevels.size() > 1 ? fieldLevels.get(1).m() : 0};
        }
        prior = Linker.log2(model.lambda() / (1 - model.lambda()));
        tfFloor = 1.0 / Math.max(1, table.size);
    }

    /** The prior log-odds of a match, in bits. */
    double prior() {
        return prior;
    }

    /** The match weight of a pair whose levels start at {@code offset}: the prior plus every field's weight. */
    double total(byte[] levels, int offset, int a, boolean crossedPair) {
        double total = prior;
        for (int f = 0; f < comparators.size(); f++) {
            total += field(f, levels[offset + f], a, crossedPair);
        }
        return total;
    }

    /** The weight of field {@code f} at {@code level} for a pair whose first record is {@code a}. */
    double field(int f, int level, int a, boolean crossedPair) {
        if (level == 0 && !crossedPair) {
            double tf = comparators.get(f).termFrequency(table, a);
            if (tf > 0) {
                // Splink's TF adjustment: u of an exact match on value v is v's frequency.
                return Linker.log2(mAgreeing[f][0] / Math.max(tf, tfFloor));
            }
        }
        if (level == 1 && !crossedPair) {
            // The same for a name's spelling family: across scripts most true pairs agree only at
            // this level (Məmmədova / Мамедова), and Məmmədov's family is one record in fifteen.
            double tf = comparators.get(f).familyFrequency(table, a);
            if (tf > 0) {
                return Linker.log2(mAgreeing[f][1] / Math.max(tf, tfFloor));
            }
        }
        return weights[f][level];
    }
}
