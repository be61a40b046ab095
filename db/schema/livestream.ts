// Tables of the livestream capability.
export {};
