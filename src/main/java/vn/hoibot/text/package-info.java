/**
 * Shared ground: accent folding and Unicode normalisation of Vietnamese text ({@link vn.hoibot.text.Texts}).
 * Depends on nothing of ours.
 */
package vn.hoibot.text;
