/** 好差评 at the node: the rating page's API and the figures of the point's clerks. */
package cn.siyiban.node.ratings;
