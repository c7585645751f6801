/**
 * Dispatch through Redis: {@link io.rescrape.redis.RedisWorkQueue} hands a job's items out of Redis
 * lists while the database's item ledger stays the truth, and falls back to the ledger when Redis
 * is unreachable. Built on Jedis.
 */
@NullMarked
package io.rescrape.redis;

import org.jspecify.annotations.NullMarked;
