/**
 * Frequently breached passwords that pass our 10-character minimum. A deliberately small list: it
 * catches the predictable choices without shipping a large corpus (a district may extend it later).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `0123456789 0987654321 1111111111 1122334455 123123123123 1234512345 1234554321 1234567890 12345678910 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc 2222222222 9876543210 a1b2c3d4e5 abc1234567 abcd123456 abcdefghij admin12345 admin123456 administrator administrator1 asdfghjkl1 asdfghjkl123 autumn2025 baseball123 basketball basketball1 batman1234 butterfly1 changeme123 charlie123 chocolate1 chocolate123 classroom1 collective1 computer123 dragon1234 education1 efficacy123 elementary1 ensemble123 ensemble1234 fall20252 football12 football123 iloveyou12 iloveyou123 internet123 jennifer123 jessica123 letmein123 letmein1234 master1234 michael123 monkey1234 mypassword mypassword1 newpassword newpassword1 p@ssw0rd123 p@ssword123 passw0rd123 password!! password!1 password01 password123 password1234 password12345 password2024 password2025 password2026 passwordpassword pokemon123 princess123 principal1 principal123 q1w2e3r4t5 q1w2e3r4t5y6 qazwsxedcrfv qwerty1234 qwerty12345 qwerty123456 qwertyui12 qwertyuiop qwertyuiop1 school1234 school2024 school2025 school2026 secret1234 secret12345 shadow1234 spring2025 spring2026 starwars123 student123 student1234 summer2024 summer2025 summer2026 sunflower1 sunshine123 superman123 teacher123 teacher1234 teacher2024 teacher2025 teacher2026 trustno123 welcome123 welcome1234 welcome2024 welcome2025 welcome2026 whatever12 winter2024 winter2025 winter2026 zaq12wsxcde zxcvbnm123`.split(
    /\s+/,
  ),
);
