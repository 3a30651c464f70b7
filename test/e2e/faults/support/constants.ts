/** How many contacts every fault-matrix case watches. */
export const CONTACTS = 60;
