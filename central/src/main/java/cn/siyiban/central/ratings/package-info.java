/** 好差评 at central: rectification of bad ratings, annulment, the follow-up rate and the county ranking. */
package cn.siyiban.central.ratings;
