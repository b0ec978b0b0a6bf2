package io.leadflow.cadence.window;

import java.time.LocalTime;

/**
 * A US state's own contact hours; a null bound means the engine's default.
 *
 * @param sunday different hours on Sundays (Texas), else null
 */
public record StateHours(LocalTime opens, LocalTime closes, StateHours sunday) {
}
