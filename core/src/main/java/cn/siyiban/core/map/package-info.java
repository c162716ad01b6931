/** The service map (政务服务地图): every point with its contact facts and the matters it takes in. */
package cn.siyiban.core.map;
