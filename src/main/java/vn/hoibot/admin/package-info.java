/**
 * What admins do, in one room: restructuring units ({@code /donvi}), assigning roles ({@code /capquyen}), imports of
 * units and rosters by file sent to the bot and by the command line ({@code --import-units}, {@code --import-roster}).
 * Holds no data of its own: it drives the public APIs of {@code org}, {@code access} and {@code member}.
 */
package vn.hoibot.admin;
