/** Database lifecycle, pooling and the versioned schema. */
package cn.siyiban.core.db;
