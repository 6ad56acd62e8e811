package org.nomina.engine.estimation;

import java.util.Arrays;

/**
 * Draws of the total N from its posterior (LCMCR's kept sweeps, or draws from the model-averaged
 * posterior), kept so that strata can be pooled as HRDAG does: the total's draw is the sum of one
 * independent draw per stratum. Immutable; compared by value.
 */
public final class Draws {
    private final double[] values;

    Draws(double[] values) {
        this.values = values.clone();
    }

    /** The draws, a copy. */
    public double[] values() {
        return values.clone();
    }

    int size() {
        return values.length;
    }

    double get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Draws that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Draws[" + values.length + "]";
    }
}
