// Print width 110: wide enough for the Chinese UI strings and zod chains to stay on one line,
// narrow enough to read two files side by side in a review.
export default {
  printWidth: 110,
  singleQuote: false,
  trailingComma: "all",
  semi: true,
};
