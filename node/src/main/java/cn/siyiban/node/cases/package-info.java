/** The case API: intake, the case list, the case detail with its history, and delivery. */
package cn.siyiban.node.cases;
