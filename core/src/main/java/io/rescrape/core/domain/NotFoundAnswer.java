package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The platform said a creator does not exist: one confirmation towards marking it gone.
 *
 * @param creatorId which creator
 * @param jobDate the date of the job that got the answer; answers count once per date
 * @param at when the scrape finished
 */
public record NotFoundAnswer(CreatorId creatorId, LocalDate jobDate, Instant at) {}
