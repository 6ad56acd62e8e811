/**
 * The engine's own threads: each kind of parallel work (linkage, estimation) runs in a bounded pool of its
 * own, never in the common pool that parallel streams share with everything else in the process.
 */
package org.nomina.engine.work;
