/** Cases (办件), their insert-only event history and intake. */
package cn.siyiban.core.cases;
