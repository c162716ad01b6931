/** The applicant of a case and the checks on name, identity document and phone. */
package cn.siyiban.core.applicant;
