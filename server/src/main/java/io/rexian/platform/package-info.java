/**
 * What every module stands on: settings, the database (embedded or external), the clock,
 * the page layout, navigation and the error contract of web pages and the REST API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.rexian.platform;
