/** First-start loading of the reference data shipped with siyiban. */
package cn.siyiban.core.seed;
