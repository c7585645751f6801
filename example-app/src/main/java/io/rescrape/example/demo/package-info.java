/**
 * A local stand-in for Instagram and TikTok, {@link io.rescrape.example.demo.DemoPlatform}, that
 * lets the example app run its real HTTP scrapers without reaching either platform.
 */
package io.rescrape.example.demo;
