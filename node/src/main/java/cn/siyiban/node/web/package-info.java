/** The node's HTTP plumbing: JSON mapping, the error shape and the pages of the clerk UI. */
package cn.siyiban.node.web;
