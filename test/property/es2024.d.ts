// ES2024 string methods Node 20 has, missing from the ES2023 lib the project compiles against.
interface String {
  /** False when the string holds a lone surrogate. */
  isWellFormed(): boolean;
  /** The string with each lone surrogate replaced by U+FFFD. */
  toWellFormed(): string;
}
