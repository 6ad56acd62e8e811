package org.nomina.store.claims;

/**
 * The text of a statement, report or media file as Nomina reads it.
 *
 * @param format   txt, docx, html or pdf
 * @param encoding the text file's encoding; for other formats, what the format itself declares
 */
public record ClaimDocument(String fileName, String format, String encoding, String sha256, long sizeBytes, String text) {
}
