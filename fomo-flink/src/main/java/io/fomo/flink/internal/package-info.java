/**
 * The job's rows and tasks: plain numbers and strings shipped between Flink tasks. Not API.
 */
package io.fomo.flink.internal;
