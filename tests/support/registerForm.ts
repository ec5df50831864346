import type { RegisterForm } from "../../functions/src/schemas/registration.js";
import { PERSON_NAMES } from "../../scripts/fixtures/names.js";

/** A registration form that passes every check: tests change one field at a time. */
export const validForm: RegisterForm = {
  nik: "3171015203900001",
  kk: "3171012001150004",
  fullName: PERSON_NAMES.formPerson,
  birthDate: "1990-03-12",
  sex: "female",
  phone: "0812-3456-7890",
  provinceCode: "31",
  regencyCode: "3171",
  districtCode: "317101",
  inFormalEducation: false,
  occupation: "laid-off",
  receivesSocialAid: false,
  consent: true,
};
