/** Domain errors with a stable English code and a Chinese message for the clerk. */
package cn.siyiban.core.error;
