/**
 * Nomina's engine: domain values, name normalisation and transliteration, record linkage and
 * estimation. Pure functions over in-memory data; nothing here touches a database, a file format
 * library or the web, so the same code can run inside a distributed engine.
 */
package org.nomina.engine;
