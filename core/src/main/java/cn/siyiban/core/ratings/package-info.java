/** 好差评: citizens' ratings of a visit or a case, their annulment, and the clerk figures built from them. */
package cn.siyiban.core.ratings;
