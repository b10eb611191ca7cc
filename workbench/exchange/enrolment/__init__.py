"""Who is who: key material, certificates, the keys a store holds, enrolment."""
